package dev.herald.spring.boot;

import dev.herald.Herald;
import dev.herald.binding.HeraldBinding;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.util.ClassUtils;

/**
 * Registers the generated publisher of every channel interface as a bean of that interface, so that
 * {@code @Autowired OrderEvents events} publishes. The interfaces come from the generated bindings
 * ({@code META-INF/services/dev.herald.binding.HeraldBinding}), not from scanning classes.
 *
 * <p>An interface the application already has a bean of gets none, unless those beans are all
 * {@link HeraldListener @HeraldListener} subscribers: then the publisher is registered as the primary bean of the
 * interface, so that injecting the interface still gets the publisher. Publishers are lazy: one is created, with the
 * context's {@link Herald} bean, when something injects it.
 */
public final class HeraldPublisherRegistrar implements BeanDefinitionRegistryPostProcessor, BeanClassLoaderAware {

    private static final Logger LOG = LoggerFactory.getLogger(HeraldPublisherRegistrar.class);

    private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

    /** Creates the registrar; the auto-configuration declares it. */
    public HeraldPublisherRegistrar() {
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)) {
            LOG.warn("Herald: the bean registry is a {}, not a bean factory; no publisher beans are registered",
                    registry.getClass().getName());
            return;
        }
        for (HeraldBinding<?> binding : ChannelBindings.load(classLoader).values()) {
            register(registry, beanFactory, binding);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }

    private static <T> void register(BeanDefinitionRegistry registry, ConfigurableListableBeanFactory beanFactory,
            HeraldBinding<T> binding) {
        Class<T> channelInterface = binding.channelInterface();
        String[] existing = beanFactory.getBeanNamesForType(channelInterface, true, false);
        boolean onlyListeners = Arrays.stream(existing)
                .allMatch(name -> beanFactory.findAnnotationOnBean(name, HeraldListener.class, false) != null);
        if (!onlyListeners) {
            LOG.debug("Herald: the application defines a bean of {} ({}); no publisher bean is registered for it",
                    channelInterface.getName(), String.join(", ", existing));
            return;
        }
        RootBeanDefinition publisher = new RootBeanDefinition(channelInterface,
                () -> binding.publisher(beanFactory.getBean(Herald.class)));
        publisher.setLazyInit(true);
        publisher.setPrimary(existing.length > 0);
        publisher.setDescription("Herald's generated publisher of " + channelInterface.getName());
        registry.registerBeanDefinition(beanName(channelInterface), publisher);
    }

    /**
     * The name of the publisher bean of an interface.
     *
     * @param channelInterface the channel interface
     * @return {@code heraldPublisher:} and the interface's name, such as {@code heraldPublisher:shop.OrderEvents}
     */
    static String beanName(Class<?> channelInterface) {
        return "heraldPublisher:" + channelInterface.getName();
    }
}
