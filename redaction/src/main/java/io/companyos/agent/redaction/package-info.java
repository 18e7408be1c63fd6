/** CompanyOS Agent: redaction. */
package io.companyos.agent.redaction;
