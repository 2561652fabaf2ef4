/**
 * The API of warranty-kit: what a host service calls. Start at {@link org.warrantykit.WarrantyService}
 * (built with {@link org.warrantykit.WarrantyService#builder()}), the thread-safe service behind every
 * operation: inquiry, upgrade, codes, purchases, certificates and transfers; its back-office side for
 * codes and campaigns is {@link org.warrantykit.CodeIssuer}, and certificates are checked offline with
 * {@link org.warrantykit.CertificateVerifier}.
 *
 * <p>The values it takes and returns are immutable records and enums that validate on construction:
 * identities ({@link org.warrantykit.SerialNumber}, {@link org.warrantykit.AccountId},
 * {@link org.warrantykit.OrderId}, {@link org.warrantykit.CoverageSource}), supply data
 * ({@link org.warrantykit.Device}), results ({@link org.warrantykit.WarrantyView},
 * {@link org.warrantykit.Coverage}, {@link org.warrantykit.UpgradeResult},
 * {@link org.warrantykit.ExtensionOffer}, {@link org.warrantykit.Order},
 * {@link org.warrantykit.Certificate}, {@link org.warrantykit.DecisionTrace}) and
 * {@link org.warrantykit.Money}. Every error is an unchecked subclass of
 * {@link org.warrantykit.WarrantyException} (for example {@link org.warrantykit.UnknownDeviceException},
 * {@link org.warrantykit.CodeRejectedException}, {@link org.warrantykit.InvalidValueException}); a call
 * that throws one changed nothing. A null argument is refused with
 * {@link org.warrantykit.InvalidValueException} naming it; absence is {@code Optional.empty()}.
 *
 * <p>The features behind the service (upgrades, redemptions, purchases, certificates, bulk views) are
 * package-private classes, not API. The service reaches storage and policy only through the ports of
 * {@link org.warrantykit.spi}, which the builder requires; {@link org.warrantykit.memory} has in-memory
 * adapters for them, wired by {@code InMemoryStores.configure(builder)}.
 */
package org.warrantykit;
