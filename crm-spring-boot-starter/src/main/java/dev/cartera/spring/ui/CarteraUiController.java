package dev.cartera.spring.ui;

/** Marks the UI's controllers, so the UI's advice (model, error pages) never reaches a host controller. */
interface CarteraUiController {
}
