package dev.sightline.audio;

/** Receives decoded audio: 16 kHz mono signed 16-bit samples, in order, chunk by chunk. */
@FunctionalInterface
public interface PcmSink {

    /**
     * One chunk of samples; the array is reused after the call returns.
     *
     * @param firstSample index of {@code samples[0]} from the start of the recording
     */
    void accept(short[] samples, int length, long firstSample);
}
