package org.wubu.console.system.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.wubu.console.api.ConsolePage;

/**
 * Serves the page's module from this bundle ({@code console-system/} in the jar) at
 * {@code /console/pages/system/}, in the console's servlet context: the page leaves with the bundle.
 */
@Component(service = SystemPageAssets.class)
@HttpWhiteboardResource(pattern = SystemPageAssets.PATH + "/*", prefix = "/console-system")
@HttpWhiteboardContextSelect(ConsolePage.CONTEXT_SELECT)
public class SystemPageAssets {

    static final String PATH = "/pages/system";
}
