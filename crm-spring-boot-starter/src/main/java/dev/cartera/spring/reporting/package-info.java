/** Reports as the REST API and the web UI both serve them: standard reports by name and period, and file downloads. */
package dev.cartera.spring.reporting;
