package dev.cartera.spring.scheduling;

import dev.cartera.core.Cartera;
import dev.cartera.rules.CarteraRules;
import org.springframework.beans.factory.ObjectProvider;
import dev.cartera.spring.CarteraAutoConfiguration;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Cartera's periodic jobs, safe in a cluster: each run takes a ShedLock row in {@code crm_shedlock},
 * so of several nodes only one runs a job at a time. {@code cartera.scheduling.enabled=false} turns
 * them off (a host may then call the same services from its own scheduler).
 */
@AutoConfiguration(after = CarteraAutoConfiguration.class)
@ConditionalOnBean(Cartera.class)
@ConditionalOnProperty(prefix = "cartera.scheduling", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class CarteraSchedulingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public LockProvider carteraLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("crm_shedlock")
                .usingDbTime()
                .build());
    }

    @Bean
    @ConditionalOnMissingBean
    public CarteraJobs carteraJobs(Cartera cartera, ObjectProvider<CarteraRules> rules) {
        return new CarteraJobs(cartera, rules.getIfAvailable());
    }
}
