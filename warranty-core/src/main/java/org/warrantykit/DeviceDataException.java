package org.warrantykit;

/** Supply data could not be loaded; names the source, the line and the reason. Nothing was loaded. */
public final class DeviceDataException extends WarrantyException {
    /** The source that could not be loaded. */
    private final String source;
    /** The line at fault, 0 when none. */
    private final int line;

    /**
     * @param source the file or other source being loaded, e.g. a CSV path
     * @param line   the line of {@code source} at fault (1-based; 0 when not tied to a line)
     * @param reason what is wrong with it
     */
    public DeviceDataException(String source, int line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
    }

    /**
     * @param source the file or other source being loaded, e.g. a CSV path
     * @param line   the line of {@code source} at fault (1-based; 0 when not tied to a line)
     * @param reason what is wrong with it
     * @param cause  the underlying error, e.g. an I/O or parse failure; may be null
     */
    public DeviceDataException(String source, int line, String reason, Throwable cause) {
        this(source, line, reason);
        initCause(cause);
    }

    /** @return the source that could not be loaded, as given */
    public String source() {
        return source;
    }

    /** @return the line at fault (0 when not tied to a line) */
    public int line() {
        return line;
    }
}
