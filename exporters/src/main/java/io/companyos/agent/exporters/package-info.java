/** CompanyOS Agent: exporters. */
package io.companyos.agent.exporters;
