/**
 * Extension points of the staff web console (see DESIGN, "Web console"). A bundle that has pages
 * registers a {@link org.wubu.console.api.ConsolePage} service per page and serves the page's
 * ES module itself (an HTTP whiteboard resource or servlet in the {@code wubu.console} context,
 * {@link org.wubu.console.api.ConsolePage#CONTEXT_SELECT}); figures for the dashboard are
 * {@link org.wubu.console.api.DashboardTile} services. When the bundle stops, its pages leave the
 * menu and its tiles the dashboard; nothing else needs to be told. Their texts in both languages are
 * read with {@link org.wubu.console.api.ConsoleTexts}.
 */
@Version("1.1.0")
package org.wubu.console.api;

import org.osgi.annotation.versioning.Version;
