/**
 * Outbound persistence ports. Every method is one short transaction in its implementation (rule R1)
 * and speaks only typed IDs, immutable records, enums and {@code java.*} values (rule R2). Reads
 * and writes of conversations and messages take an {@link dev.shortlease.domain.Owner} (rule R4):
 * data of another owner behaves exactly like data that does not exist.
 */
package dev.shortlease.domain.port;
