/**
 * An output adapter kept out of warranty-core: {@link org.warrantykit.pdf.CertificatePdf} renders a
 * signed {@link org.warrantykit.Certificate} as a one-page A4 PDF with Apache PDFBox.
 */
package org.warrantykit.pdf;
