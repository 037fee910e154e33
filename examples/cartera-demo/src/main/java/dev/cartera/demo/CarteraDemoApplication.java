package dev.cartera.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Cartera for "Suministros Levante S.L.", a small Valencian wholesaler: the starter's API and UI on
 * an H2 file database under {@code ./data} (or PostgreSQL with the {@code postgres} profile), form
 * login for people, HTTP Basic for machines, and a year and a half of demo data on first start.
 */
@SpringBootApplication
public class CarteraDemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(CarteraDemoApplication.class, args);
    }
}
