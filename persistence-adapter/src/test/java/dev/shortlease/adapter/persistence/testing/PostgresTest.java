package dev.shortlease.adapter.persistence.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Test support: marks a test class that uses {@link PostgresTestDatabase}. The tag lets a build
 * select exactly these tests ({@code -Dgroups=postgres}): CI runs them once from a fresh clone
 * without a database, to prove they skip cleanly there. {@link PostgresTestDatabase#settings()}
 * refuses callers that lack it, so a new PostgreSQL test cannot escape that run.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag(PostgresTest.TAG)
public @interface PostgresTest {
  String TAG = "postgres";
}
