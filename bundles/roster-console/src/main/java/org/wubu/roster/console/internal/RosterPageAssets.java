package org.wubu.roster.console.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.wubu.console.api.ConsolePage;

/** Serves the roster page's module from this bundle ({@code roster-console/} in the jar) at {@code /console/pages/roster/}. */
@Component(service = RosterPageAssets.class)
@HttpWhiteboardResource(pattern = RosterPageAssets.PATH + "/*", prefix = "/roster-console")
@HttpWhiteboardContextSelect(ConsolePage.CONTEXT_SELECT)
public class RosterPageAssets {

    static final String PATH = "/pages/roster";
}
