package dev.shortlease.domain;

/**
 * The thing does not exist <em>for this owner</em>. Another app's or another user's data raises the
 * same error as missing data (rule R4), so its existence never leaks.
 */
public final class NotFoundException extends DomainException {
  private final String what;

  public NotFoundException(String what) {
    super(what + " not found");
    this.what = what;
  }

  public String what() {
    return what;
  }
}
