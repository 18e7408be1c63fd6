/** CompanyOS Agent: bundle. */
package io.companyos.agent.bundle;
