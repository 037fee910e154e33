/**
 * DocumentStore implementations: {@link dev.cartera.docsstorage.FileSystemDocumentStore} (default) and
 * {@link dev.cartera.docsstorage.S3DocumentStore} for S3-compatible servers. No Spring.
 */
package dev.cartera.docsstorage;
