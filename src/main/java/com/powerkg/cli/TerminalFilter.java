package com.powerkg.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What a command-line job shows in the terminal (logback-command.xml): its progress (the loggers named
 * {@code powerkg.progress.*}: import, histories, analytics stages) and warnings or errors from anywhere; everything else
 * goes to the log file only.
 */
public class TerminalFilter extends Filter<ILoggingEvent> {

	/** Loggers whose INFO lines are progress a person running a job wants to see. */
	public static final String PROGRESS = "powerkg.progress.";

	@Override
	public FilterReply decide(ILoggingEvent event) {
		return event.getLevel().isGreaterOrEqual(Level.WARN) || event.getLoggerName().startsWith(PROGRESS)
				? FilterReply.NEUTRAL : FilterReply.DENY;
	}

}
