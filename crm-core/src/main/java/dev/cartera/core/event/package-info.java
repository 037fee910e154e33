/** Events Cartera publishes after commit; each feature defines its own past-tense records. */
package dev.cartera.core.event;
