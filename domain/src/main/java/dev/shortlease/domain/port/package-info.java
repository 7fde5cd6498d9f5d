/**
 * Outbound storage ports: what the domain remembers (apps, keys, end users, conversations,
 * messages, agent thoughts, stop requests). The persistence adapter implements every one of them
 * (and the in-memory fake in the test-jar, for tests). That is the rule of the split
 * (docs/architecture.md, "Where an outbound port lives"): a port here speaks only domain records,
 * typed IDs, enums and {@code java.*} values, so any module that knows the domain can use or fake
 * it; ports to the model and to operations live in {@code application.port.out}.
 *
 * <p>Every method is one short transaction in its implementation (rule R1) and speaks only typed
 * IDs, immutable records, enums and {@code java.*} values (rule R2). Reads and writes of
 * conversations and messages take an {@link dev.shortlease.domain.Owner} (rule R4): data of another
 * owner behaves exactly like data that does not exist.
 */
package dev.shortlease.domain.port;
