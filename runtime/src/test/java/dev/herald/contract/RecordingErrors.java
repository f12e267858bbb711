package dev.herald.contract;

import dev.herald.ErrorHandler;
import dev.herald.HeraldError;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An error handler that keeps what it is given. */
final class RecordingErrors implements ErrorHandler {

    final List<HeraldError> errors = new CopyOnWriteArrayList<>();

    @Override
    public void onError(HeraldError error) {
        errors.add(error);
    }

    List<HeraldError> ofKind(HeraldError.Kind kind) {
        return errors.stream().filter(e -> e.kind() == kind).toList();
    }
}
