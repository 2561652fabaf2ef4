package org.warrantykit;

/** The authenticated account is not allowed to act on the device or order it named. */
public final class AccessDeniedException extends WarrantyException {
    /** The refused account. */
    private final AccountId account;
    /** What it tried to act on. */
    private final String subject;

    /**
     * @param account the account that was refused; not null (a null is a NullPointerException)
     * @param subject what it tried to act on, e.g. {@code "device H1B50A1234567"}
     * @param why     why it may not, for the message
     */
    public AccessDeniedException(AccountId account, String subject, String why) {
        super("Account " + account.value() + " may not act on " + subject + ": " + why);
        this.account = account;
        this.subject = subject;
    }

    /** @return the account that was refused */
    public AccountId account() {
        return account;
    }

    /** @return what was refused, e.g. "device SN123..." or "order O-..." */
    public String subject() {
        return subject;
    }
}
