/** The REST API of Cartera: one controller per resource, RFC 9457 problems, ETag/If-Match on records. */
package dev.cartera.spring.api;
