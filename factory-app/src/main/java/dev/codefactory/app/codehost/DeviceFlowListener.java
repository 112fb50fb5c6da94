package dev.codefactory.app.codehost;

import dev.codefactory.port.codehost.DeviceAuthorization;
import java.time.Duration;

/** What a person sees during {@link CodeHostAccess#login}: the code to enter, then that it is still waiting. */
public interface DeviceFlowListener {

    /** Show {@link DeviceAuthorization#userCode()} and {@link DeviceAuthorization#verificationUri()}. */
    void codeReady(DeviceAuthorization authorization);

    /** Called before each wait between two polls, with the time waited so far and the time left. */
    default void waiting(Duration elapsed, Duration left) {
    }
}
