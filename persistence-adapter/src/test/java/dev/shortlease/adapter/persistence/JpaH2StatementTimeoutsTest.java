package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;

class JpaH2StatementTimeoutsTest extends StatementTimeoutsContract {
  @Override
  PersistenceSettings database() {
    return H2TestDatabase.newDatabase();
  }

  /**
   * H2 has no sleep: a cross join of two large ranges (10^10 rows, minutes), filtered on its
   * columns so nothing can be folded into a constant.
   */
  @Override
  String slowStatement() {
    return "select count(*) from system_range(1, 100000) a, system_range(1, 100000) b"
        + " where a.\"X\" + b.\"X\" = 7";
  }
}
