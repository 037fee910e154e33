package dev.cartera.demo.seed;

import java.util.List;

/** What Suministros Levante sells and how its people write about it. */
final class SalesVocabulary {
    private SalesVocabulary() {
    }

    /** A line of business the firm sells into, with the shop names it goes with. */
    record Trade(String industry, List<String> kinds) {
    }

    /** Something the firm quotes, with a believable price range in euros. */
    record Product(String name, int minEuros, int maxEuros) {
    }

    static final List<Trade> TRADES = List.of(
            new Trade("Restauración", List.of("Restaurante", "Arrocería", "Marisquería", "Bar", "Cafetería", "Taberna")),
            new Trade("Hotelería", List.of("Hotel", "Hostal")),
            new Trade("Comercio de alimentación", List.of("Frutería", "Panadería", "Pastelería", "Carnicería",
                    "Supermercado", "Ultramarinos", "Tienda gourmet")),
            new Trade("Catering y colectividades", List.of("Catering", "Cocina central")));

    static final List<String> BUSINESS_NAMES = List.of("La Albufera", "Casa Amparo", "El Carmen", "Los Naranjos",
            "Mar Azul", "La Lonja", "El Mercat", "La Sénia", "Sol de Levante", "La Huerta", "El Rincón", "La Tasca",
            "Don Manuel", "Hermanos Soler", "El Puerto", "La Plaza", "San Vicente", "Los Arcos", "La Paloma", "El Faro",
            "Santa Clara", "Hermanos Vidal", "La Estación", "Mediterráneo", "El Olivo", "La Parra", "Nou Mercat",
            "El Molí", "La Barraca", "Las Dalias", "El Palmar", "Puerta del Mar", "La Alameda", "El Trinquet", "La Higuera",
            "El Campanar", "La Bóveda", "El Mirador", "La Cepa", "Los Almendros", "La Sirena", "El Azahar", "Tres Hermanas");

    static final List<Product> PRODUCTS = List.of(
            new Product("Vajilla y cristalería", 600, 4_500),
            new Product("Menaje de cocina", 400, 3_200),
            new Product("Suministro trimestral de limpieza e higiene", 450, 2_400),
            new Product("Cafetera profesional y molinillo", 1_800, 7_500),
            new Product("Cámara frigorífica", 4_500, 16_000),
            new Product("Mobiliario de terraza", 1_500, 9_800),
            new Product("Uniformes de sala y cocina", 350, 2_800),
            new Product("Envases y bolsas para llevar", 300, 1_900),
            new Product("Lavavajillas industrial", 2_200, 8_900),
            new Product("Mantelería y textil de mesa", 300, 2_100),
            new Product("Horno mixto de convección", 3_500, 14_000),
            new Product("Expositor refrigerado", 1_900, 8_200));

    static final List<String> JOB_TITLES = List.of("Gerente", "Propietario", "Propietaria", "Jefe de cocina",
            "Jefa de sala", "Encargado de compras", "Responsable de compras", "Administración", "Director de hotel",
            "Encargada de tienda");

    static final List<String> SEGMENTS = List.of("Cliente clave", "Habitual", "Habitual", "Ocasional");

    /** Reasons this firm adds to the defaults (Precio, Competencia, Sin presupuesto, Sin respuesta, Otro). */
    static final List<String> FIRM_LOST_REASONS = List.of("Proyecto aplazado", "Plazo de entrega largo");

    static final List<String> LOST_REASONS = List.of("Precio", "Competencia", "Proyecto aplazado", "Sin presupuesto",
            "Sin respuesta", "Plazo de entrega largo");

    static final List<String> DISQUALIFY_REASONS = List.of("No es hostelería ni comercio", "Fuera de nuestra zona de reparto",
            "Ya tiene proveedor con contrato", "Datos de contacto falsos", "Solo pedía precios para comparar");

    /**
     * How leads reach the firm, weighted by how often, as the UI's source codes (shown translated):
     * the web form, the phone, fairs ({@code event}), referrals, the e-mail campaigns, social media.
     */
    static final List<String> LEAD_SOURCES = List.of("web", "web", "web", "phone", "phone", "event", "event",
            "referral", "referral", "email", "email", "social");

    static final List<String> CALL_OUTCOMES = List.of("Interesado, pide información por correo",
            "Le viene bien una visita la semana que viene", "Todo correcto, sin incidencias",
            "Pide revisar precios de la tarifa", "No estaba el encargado; volver a llamar", "Pedido de reposición anotado");

    static final List<String> VISIT_OUTCOMES = List.of("Se deja catálogo y muestras", "Revisado el almacén: faltan existencias",
            "Interés en la nueva línea de terraza", "Reunión con la propiedad, buena sintonía",
            "Quiere comparar con su proveedor actual");

    static final List<String> KEEP_IN_TOUCH = List.of("Llamada de cortesía", "Visita de reposición",
            "Envío del catálogo de temporada", "Revisión de consumos del trimestre", "Llamada: incidencia en la entrega resuelta",
            "Envío de la tarifa actualizada");
}
