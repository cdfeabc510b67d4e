package dev.sightline.config;

/** Parses and checks the text of one configuration value; throws with what is allowed. */
@FunctionalInterface
interface ValueParser<T> {

    T parse(String text) throws IllegalArgumentException;
}
