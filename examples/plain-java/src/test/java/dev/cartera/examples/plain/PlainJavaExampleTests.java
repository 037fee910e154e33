package dev.cartera.examples.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainJavaExampleTests {

    @Test
    void createsConvertsAndListsWithoutSpring() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PlainJavaExample.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String out = buffer.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("Lead created: Jordi Vidal (Bar Vidal SL), phone +34612345678, tax id B58378431, status NEW");
        assertThat(out).containsPattern("Converted into account [0-9a-f-]{36}, contact [0-9a-f-]{36}, opportunity [0-9a-f-]{36}");
        assertThat(out).contains("En análisis", "Oferta presentada", "Ganada", "Cancelada");
        assertThat(out).contains("Deal 'Suministro semanal Bar Vidal' moved to 'Oferta presentada' (weighted 1920.00 EUR)");
        assertThat(out).contains("Customer card of Bar Vidal SL: 1 contact(s), origin lead from 'feria'");
        assertThat(out).contains("event: LeadConverted");
        assertThat(out).doesNotContain("Exception");
    }
}
