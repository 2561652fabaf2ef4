package org.warrantykit;

/** Supply data could not be loaded; names the source, the line and the reason. Nothing was loaded. */
public final class DeviceDataException extends WarrantyException {
    private final String source;
    private final int line;

    public DeviceDataException(String source, int line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
    }

    public DeviceDataException(String source, int line, String reason, Throwable cause) {
        this(source, line, reason);
        initCause(cause);
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
