package io.vgtx.core.sharing;

import java.util.Optional;

/** A hit/no-hit answer: an organisation holds a matching entry the asker may not see. Contact it; it has been told. */
public record Hit(String organisation, Optional<String> contact) {
}
