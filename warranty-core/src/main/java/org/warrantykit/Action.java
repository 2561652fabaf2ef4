package org.warrantykit;

/** What the owner may do next with an upgraded device. */
public enum Action {
    EDIT, DOWNLOAD_CERTIFICATE, BUY_EXTENSION
}
