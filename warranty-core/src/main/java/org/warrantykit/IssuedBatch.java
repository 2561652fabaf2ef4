package org.warrantykit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.warrantykit.spi.CodeBatch;

/**
 * A freshly issued batch of extension codes with the codes in clear. This is the only time they
 * exist in clear: hand them to the sales channel (e.g. with {@link #toCsv()}) and do not keep or log
 * them. {@link #toString()} leaves the codes out.
 *
 * @param batch the batch as the vault stores it; its id names the coverage the codes grant
 * @param codes the codes in clear, grouped {@code XXXX-XXXX-XXXX-XXXX}; unmodifiable
 */
public record IssuedBatch(CodeBatch batch, List<String> codes) {
    /** Header of {@link #toCsv()}. */
    public static final String CSV_HEADER = "code,batch,model,years,expires_on";

    /**
     * Copies the codes.
     *
     * @param batch the batch
     * @param codes the codes in clear; copied, so neither the list nor a code may be null (a null is an
     *              InvalidValueException)
     * @throws InvalidValueException if {@code batch} is null
     */
    public IssuedBatch {
        InvalidValueException.require("batch", batch);
        codes = InvalidValueException.requireList("codes", codes);
    }

    /**
     * One line per code, with {@link #CSV_HEADER}; lines end with {@code \n}.
     *
     * @return the CSV text, codes in clear
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder((codes.size() + 1) * 64);
        try {
            writeCsv(new Writer() {
                @Override
                public void write(char[] buf, int off, int len) {
                    csv.append(buf, off, len);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: appends to memory
        }
        return csv.toString();
    }

    /**
     * Writes {@link #toCsv()} to {@code out} (not closed). Batch ids and models need no CSV quoting.
     *
     * @param out where to write; not null (a null is an InvalidValueException)
     * @throws IOException when {@code out} fails; part of the CSV may have been written
     */
    public void writeCsv(Writer out) throws IOException {
        InvalidValueException.require("out", out).write(CSV_HEADER);
        out.write('\n');
        String tail = "," + csvField(batch.id()) + "," + csvField(batch.model()) + "," + batch.years() + ","
                + batch.expiresOn() + "\n";
        for (String code : codes) {
            out.write(code);
            out.write(tail);
        }
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** @return the batch and the number of codes, never the codes */
    @Override
    public String toString() {
        return "IssuedBatch[" + batch + ", " + codes.size() + " codes]";
    }
}
