package org.gawahi.bot.telegram.emulator;

/** A bot command as set with setMyCommands. */
public record Command(String command, String description) {
}
