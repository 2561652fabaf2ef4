package org.warrantykit.rules.facts;

/**
 * Input: an extended-warranty code of batch {@code batchId} is entered for the device. Only codes
 * that exist, are unused and not expired reach the rules; the code itself never does.
 *
 * @param model the model the batch is bound to
 * @param years what the code adds
 */
public record ExtensionCodeFact(String serial, String batchId, String model, int years) implements DeviceScoped {
}
