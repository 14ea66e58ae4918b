package org.wubu.platform.api.chain;

/** The newest record of a hash chain: its sequence number and hash (recorded in backup manifests). */
public record ChainHead(long sequence, String hash) {
}
