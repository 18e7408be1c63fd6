/** CompanyOS Agent: collectors. */
package io.companyos.agent.collectors;
