package cn.wenzhou.renovation.calendar;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    OfficialCalendar officialCalendar(CalendarProperties properties, ResourceLoader resources) throws IOException {
        // A bare path is a file on disk, as for the rule folders.
        Resource file = properties.file().contains(":")
                ? resources.getResource(properties.file())
                : new FileSystemResource(properties.file());
        if (!file.exists()) {
            throw new IllegalStateException("节假日日历文件不存在: " + properties.file()
                    + " (renovation.calendar.file)");
        }
        try (InputStream in = file.getInputStream()) {
            return CalendarFile.read(in, properties.file());
        }
    }
}
