package io.meetingbridge.ops;

import org.apache.camel.CamelContext;
import org.apache.camel.ManagementMBeansLevel;
import org.apache.camel.ManagementStatisticsLevel;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.ManagementAgent;

/**
 * {@value #SETTING}: whether every processor (step) of the routes has its JMX MBean and statistics. Off, JMX has
 * the context's and the routes' MBeans and statistics only, and the bridge's own MBeans: a step's statistics
 * wrap each step a change passes, which costs CPU on every change. Set before Camel Main configures JMX.
 */
public final class StepStatistics extends MainListenerSupport {

    public static final String SETTING = "bridge.ops.step-statistics";

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext camelContext = main.getCamelContext();
        boolean on = Boolean.parseBoolean(camelContext.resolvePropertyPlaceholders("{{" + SETTING + "}}").trim());
        ManagementStatisticsLevel statistics = on ? ManagementStatisticsLevel.Default : ManagementStatisticsLevel.RoutesOnly;
        ManagementMBeansLevel mbeans = on ? ManagementMBeansLevel.Default : ManagementMBeansLevel.RoutesOnly;
        main.configure().setJmxManagementStatisticsLevel(statistics);
        main.configure().setJmxManagementMBeansLevel(mbeans);
        ManagementAgent agent = camelContext.getManagementStrategy().getManagementAgent();
        if (agent != null) {
            agent.setStatisticsLevel(statistics);
            agent.setMBeansLevel(mbeans);
        }
    }
}
