/** Finding files by absolute glob, shared by log sources and config snapshots. */
package io.companyos.agent.collectors.files;
