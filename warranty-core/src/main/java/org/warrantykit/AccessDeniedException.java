package org.warrantykit;

/** The authenticated account is not allowed to act on the device or order it named. */
public final class AccessDeniedException extends WarrantyException {
    private final AccountId account;
    private final String subject;

    public AccessDeniedException(AccountId account, String subject, String why) {
        super("Account " + account.value() + " may not act on " + subject + ": " + why);
        this.account = account;
        this.subject = subject;
    }

    public AccountId account() {
        return account;
    }

    /** What was refused, e.g. "device SN123..." or "order O-...". */
    public String subject() {
        return subject;
    }
}
