/**
 * DocumentStore implementations: filesystem (default) and S3-compatible. No Spring. Filled by the
 * documents issue (KD-7).
 */
package dev.cartera.docsstorage;
