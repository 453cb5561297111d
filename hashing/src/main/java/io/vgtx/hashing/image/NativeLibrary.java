package io.vgtx.hashing.image;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/** Binds a shared library once, for the life of the JVM, so that a missing library is a clean "absent". */
final class NativeLibrary {
    private final SymbolLookup symbols;

    private NativeLibrary(SymbolLookup symbols) {
        this.symbols = symbols;
    }

    /**
     * Loads {@code soname} and builds a binding from it, or returns empty when the library or one of its
     * functions is missing, or native access is denied ({@code --illegal-native-access=deny}).
     */
    static <T> Optional<T> bind(String soname, Function<NativeLibrary, T> binding) {
        try {
            return Optional.of(binding.apply(new NativeLibrary(SymbolLookup.libraryLookup(soname, Arena.global()))));
        } catch (IllegalArgumentException | NoSuchElementException | IllegalCallerException e) {
            return Optional.empty();
        }
    }

    MethodHandle function(String name, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(symbols.find(name).orElseThrow(), descriptor);
    }
}
