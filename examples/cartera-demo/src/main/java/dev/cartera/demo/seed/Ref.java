package dev.cartera.demo.seed;

/** The id a timeline step produced, for the later steps that need it. */
final class Ref<T> {
    private T value;

    void set(T value) {
        this.value = value;
    }

    T get() {
        if (value == null) {
            throw new IllegalStateException("read before the step that sets it ran");
        }
        return value;
    }
}
