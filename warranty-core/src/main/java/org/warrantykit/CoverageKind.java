package org.warrantykit;

/** Why a span of coverage exists. */
public enum CoverageKind {
    STANDARD, UPGRADE, EXTENSION, PROMOTION
}
