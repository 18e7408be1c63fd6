/** CompanyOS Agent: policy. */
package io.companyos.agent.policy;
