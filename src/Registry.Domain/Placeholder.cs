namespace Registry.Domain; public static class Placeholder { }
