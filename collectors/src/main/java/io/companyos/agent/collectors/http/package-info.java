/** HTTP plumbing the collectors share: one JDK HTTP client per process. */
package io.companyos.agent.collectors.http;
