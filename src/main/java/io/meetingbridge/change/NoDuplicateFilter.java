package io.meetingbridge.change;

import org.apache.camel.spi.IdempotentRepository;

/** The change-id repository while the duplicate filter is switched off: every change counts as new. */
public final class NoDuplicateFilter implements IdempotentRepository {

    @Override
    public boolean add(String key) {
        return true;
    }

    @Override
    public boolean contains(String key) {
        return false;
    }

    @Override
    public boolean remove(String key) {
        return true;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        // nothing is remembered
    }

    @Override
    public void start() {
        // no resources
    }

    @Override
    public void stop() {
        // no resources
    }
}
