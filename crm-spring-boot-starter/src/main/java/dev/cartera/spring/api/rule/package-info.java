/** REST for the rules engine (issue 5): rule sets and versions, validation, activation, the simulator, history, absences. */
package dev.cartera.spring.api.rule;
