package io.jenkins.plugins.circleci.offline;

import java.net.MalformedURLException;
import java.nio.file.Path;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TransformerHandler;
import org.apache.commons.jelly.JellyContext;
import org.apache.commons.jelly.JellyException;
import org.apache.commons.jelly.Script;
import org.apache.commons.jelly.XMLOutput;
import org.kohsuke.stapler.MetaClassLoader;
import org.kohsuke.stapler.jelly.JellyClassLoaderTearOff;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Stapler's real Jelly, as Jenkins uses it for a view (JellyClassTearOff): the class loader's JellyClassLoaderTearOff
 * creates the context that compiles the script. Call within an {@link org.kohsuke.stapler.OfflineStaplerRequest}.
 */
public final class StaplerJelly {
    private StaplerJelly() {}

    private static JellyContext context() {
        ClassLoader loader = StaplerJelly.class.getClassLoader();
        return MetaClassLoader.get(loader).loadTearOff(JellyClassLoaderTearOff.class).createContext();
    }

    public static Script compile(Path view) throws JellyException, MalformedURLException {
        return context().compileScript(view.toUri().toURL());
    }

    /**
     * Runs the view with {@code it} bound as Stapler binds the object it shows, and returns what it wrote inside a
     * {@code <rendered>} element. Tags of taglibs that are not on this class path (Jenkins core's /lib/hudson,
     * /lib/form, …) come out as the elements they are written as, attributes evaluated, bodies run.
     */
    public static Element render(Path view, Object it) throws JellyException, MalformedURLException, SAXException,
            TransformerConfigurationException {
        JellyContext context = context();
        Script script = context.compileScript(view.toUri().toURL());
        JellyContext run = new JellyContext(context);
        run.setVariable("it", it);

        TransformerHandler handler = ((SAXTransformerFactory) TransformerFactory.newInstance()).newTransformerHandler();
        DOMResult result = new DOMResult();
        handler.setResult(result);
        XMLOutput output = new XMLOutput(handler, handler);
        output.startDocument();
        output.startElement("rendered");
        script.run(run, output);
        output.endElement("rendered");
        output.endDocument();
        return ((Document) result.getNode()).getDocumentElement();
    }
}
