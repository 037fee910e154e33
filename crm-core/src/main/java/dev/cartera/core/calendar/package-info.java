/** Calendar integration: a secret, revocable iCalendar feed of each user's tasks and meetings. */
package dev.cartera.core.calendar;
