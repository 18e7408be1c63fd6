/**
 * Redaction of structured documents by key and by value (JSON, YAML, properties, env files, URL query
 * strings). Internal to the redaction module: other modules use
 * {@link io.companyos.agent.redaction.Redactor#redactStructured}.
 */
package io.companyos.agent.redaction.structured;
